import { clientsRouter } from "./routers/clients";
import { contractsRouter } from "./routers/contracts";
import { paymentsRouter } from "./routers/payments";
import { reportsRouter } from "./routers/reports";
import { settingsRouter } from "./routers/settings";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  clients: clientsRouter,
  contracts: contractsRouter,
  payments: paymentsRouter,
  reports: reportsRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
