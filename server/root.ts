import { auditRouter } from "./routers/audit";
import { clientsRouter } from "./routers/clients";
import { contractsRouter } from "./routers/contracts";
import { paymentsRouter } from "./routers/payments";
import { reportsRouter } from "./routers/reports";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  audit: auditRouter,
  clients: clientsRouter,
  contracts: contractsRouter,
  payments: paymentsRouter,
  reports: reportsRouter,
  settings: settingsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
