/** What the program-health worker thread is started with: the address of a connection of its own. */
export interface HealthWorkerData {
  connection: { databaseUrl?: string | undefined; sqliteFile: string };
}

/** One period's health asked of the worker, "now" being the app's clock when the request came. */
export interface HealthJob {
  periodId: number;
  /** An ISO instant: the worker reads no clock of its own. */
  now: string;
}
