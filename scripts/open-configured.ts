/** Open the database the server would use (DATABASE_URL, else the PGlite folder under DATA_DIR). */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';

export function openConfiguredDatabase() {
  const config = loadConfig();
  return {
    config,
    database: openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
    }),
  };
}
