/**
 * A local fake of the national filing system on a loopback port (tests only): it accepts and stores,
 * answers 409 for a record id it has, rejects a field (name with 拒), hangs (慢), answers 503 (忙), keeps a
 * different address (差), and returns what it stored for comparison.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NationalRecord } from '../domain/institutions/national-filing.ts';

export class FakeNational {
  server: Server;
  stored = new Map<string, NationalRecord>();
  /** Answer 503 to the next n POSTs (a national side that is down for a while). */
  failNext = 0;
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  constructor() {
    this.server = createServer((req, res) => {
      this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'GET') {
          const id = decodeURIComponent((req.url ?? '').replace(/^\/national\/records\//, ''));
          const rec = this.stored.get(id);
          return rec ? json(200, { record: rec }) : json(404, { message: 'not found' });
        }
        if (this.failNext > 0) {
          this.failNext--;
          return json(503, { message: 'busy' });
        }
        const { record } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { record: NationalRecord };
        if (record.institutionName.includes('慢')) return; // never answers
        if (record.institutionName.includes('忙')) return json(503, { message: 'busy' });
        if (record.institutionName.includes('拒'))
          return json(422, { field: 'creditCode', message: '统一社会信用代码与登记信息不一致' });
        if (this.stored.has(record.recordId)) return json(409, { message: 'duplicate' });
        // The national side keeps its own spelling of the address (a difference to show).
        const kept = record.institutionName.includes('差')
          ? { ...record, address: `${record.address}（旧址）` }
          : record;
        this.stored.set(record.recordId, kept);
        json(201, { recordId: record.recordId });
      });
    });
  }
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/national`;
  }
  stop() {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(r));
  }
}
