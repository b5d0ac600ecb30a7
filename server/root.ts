import { agingRouter } from "./routers/aging";
import { auditRouter } from "./routers/audit";
import { clientsRouter } from "./routers/clients";
import { contractsRouter } from "./routers/contracts";
import { costsRouter } from "./routers/costs";
import { paymentsRouter } from "./routers/payments";
import { reportsRouter } from "./routers/reports";
import { speedRouter } from "./routers/speed";
import { settingsRouter } from "./routers/settings";
import { trendRouter } from "./routers/trend";
import { usersRouter } from "./routers/users";
import { valueRouter } from "./routers/value";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  aging: agingRouter,
  audit: auditRouter,
  clients: clientsRouter,
  contracts: contractsRouter,
  costs: costsRouter,
  payments: paymentsRouter,
  reports: reportsRouter,
  settings: settingsRouter,
  trend: trendRouter,
  speed: speedRouter,
  users: usersRouter,
  value: valueRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
