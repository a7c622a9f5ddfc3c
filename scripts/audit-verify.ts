/** `npm run audit:verify`: recompute the audit hash chain; prints `OK <count>` or the first broken entry. */
import { verifyAuditChain } from '../server/platform/audit/service.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const { database: pending } = openConfiguredDatabase();
const database = await pending;
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  console.log(`OK ${result.count}`);
} else {
  console.log(
    `BROKEN at seq ${result.brokenAt}: ${result.reason} (${result.count} entries verified before it)`,
  );
  process.exitCode = 1;
}
