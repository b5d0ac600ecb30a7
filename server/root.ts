import { agingRouter } from "./routers/aging";
import { auditRouter } from "./routers/audit";
import { clientsRouter } from "./routers/clients";
import { collectionsRouter } from "./routers/collections";
import { contractsRouter } from "./routers/contracts";
import { costsRouter } from "./routers/costs";
import { documentsRouter } from "./routers/documents";
import { importsRouter } from "./routers/imports";
import { creditRouter, rewardsRouter } from "./routers/credit";
import { notificationsRouter } from "./routers/notifications";
import { paymentsRouter } from "./routers/payments";
import { reportsRouter } from "./routers/reports";
import { speedRouter } from "./routers/speed";
import { statementsRouter } from "./routers/statements";
import { settingsRouter } from "./routers/settings";
import { trendRouter } from "./routers/trend";
import { usersRouter } from "./routers/users";
import { valueRouter } from "./routers/value";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  aging: agingRouter,
  audit: auditRouter,
  clients: clientsRouter,
  collections: collectionsRouter,
  contracts: contractsRouter,
  costs: costsRouter,
  documents: documentsRouter,
  credit: creditRouter,
  payments: paymentsRouter,
  reports: reportsRouter,
  rewards: rewardsRouter,
  settings: settingsRouter,
  trend: trendRouter,
  speed: speedRouter,
  statements: statementsRouter,
  users: usersRouter,
  value: valueRouter,
  notifications: notificationsRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
