/**
 * Journey: department exchange (issue 15). The security admin registers the market-regulation
 * bureau's system as an API client in the console and sees its secret once; that system takes a
 * client-credentials token and reads the registry — only the ticked fields; the admin disables the
 * client and its live token stops at once. On the way the admin sets the client's webhook to a receiver
 * on 127.0.0.1 (allowed for this test by WEBHOOK_NETWORKS and WEBHOOK_ALLOW_HTTP), sends a test event that
 * the receiver verifies with the secret shown once, and rotates the secret (ADR 0020). Screenshots under
 * e2e/screenshots/exchange-*.png.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { apiAs, consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

let h: Harness;
let receiver: Server;
let receiverUrl = '';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
before(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tuoyu/webhook`;
  process.env.WEBHOOK_NETWORKS = '127.0.0.0/8';
  process.env.WEBHOOK_ALLOW_HTTP = '1';
  h = await startHarness();
});
after(async () => {
  await h?.stop();
  receiver?.close();
});

/** The documented check: X-Tuoyu-Signature t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>. */
function signedWith(secret: string, r: { headers: IncomingHttpHeaders; body: string }) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-tuoyu-signature'] ?? ''));
  return !!m && createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest('hex') === m[2];
}

async function tokenFor(clientId: string, secret: string) {
  return fetch(`${h.baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }),
  });
}

test('the security admin registers a department system; it reads only its fields; disabling stops it', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'secadmin');
  await page.waitForURL(/\/admin\/?$/);
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '部门接口' }).click();
  await page.waitForURL(/\/admin\/exchange\/clients/);
  await page.getByRole('heading', { name: '对接部门接口客户端' }).waitFor();

  // A bad purpose (too short) is refused next to the field before anything is sent.
  await page.getByLabel('客户端名称').fill('区市场监管局 证照比对系统');
  await page.getByLabel('所属部门').click();
  await page.locator('.ant-select-item-option', { hasText: '区市场监管局' }).click();
  await page.getByLabel('对接目的').fill('比对');
  await page.getByLabel('有效期至').fill('2027-06-30');
  await page.getByLabel('有效期至').press('Enter');
  await page.getByRole('button', { name: '登记并生成密钥' }).click();
  await page.locator('#purpose_help, .ant-form-item-explain-error').first().waitFor();
  await shot(page, 'exchange-0-form-error');
  await page.getByLabel('对接目的').fill('营业执照与托育机构备案信息比对');
  // A client that does not read the registry has no field list: unticking the read scope takes the
  // fields away (ticking it again brings them back, as they were).
  const readScope = page.getByRole('checkbox', { name: '读取托育机构登记信息' });
  await readScope.uncheck();
  await page.getByText('不读取机构信息的客户端没有字段白名单').waitFor();
  await shot(page, 'exchange-0b-write-only-no-fields');
  assert.equal(await page.getByRole('checkbox', { name: '统一社会信用代码', exact: true }).count(), 0);
  await readScope.check();
  // Only name and status: untick the credit code the form starts with.
  await page.getByRole('checkbox', { name: '统一社会信用代码', exact: true }).uncheck();
  await page.getByRole('button', { name: '登记并生成密钥' }).click();
  const dialog = page.getByRole('dialog', { name: '客户端已登记' });
  await dialog.waitFor();
  await motionSettled(page);
  const clientId = (await dialog.getByTestId('client-id').textContent())?.trim() ?? '';
  const secret = (await dialog.getByTestId('client-secret').textContent())?.trim() ?? '';
  assert.match(clientId, /^ty-310118-[0-9a-f]{16}$/);
  assert.ok(secret.length >= 43);
  await shot(page, 'exchange-1-secret-once');
  await dialog.getByRole('button', { name: '我已妥善保存' }).click();
  const row = page.getByRole('row', { name: /区市场监管局 证照比对系统/ });
  await row.getByText('有效').waitFor();

  // The department's system: a token, then the registry with its two fields only.
  const tok = await tokenFor(clientId, secret);
  assert.equal(tok.status, 200);
  const { access_token } = (await tok.json()) as { access_token: string };
  const read = () =>
    fetch(`${h.baseUrl}/api/v1/exchange/institutions?pageSize=5`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
  const res = await read();
  assert.equal(res.status, 200);
  const body = (await res.json()) as { items: Record<string, unknown>[]; total: number };
  assert.ok(body.total > 10, 'the demo registry is there');
  for (const item of body.items) assert.deepEqual(Object.keys(item).sort(), ['id', 'name', 'status']);

  // The webhook: a private address is refused next to the field; the receiver here is allowed.
  await row.getByRole('button', { name: '推送设置' }).click();
  const hook = page.getByRole('dialog', { name: /变更推送/ });
  await hook.waitFor();
  await motionSettled(page);
  await hook.getByLabel('接收地址').fill('https://10.1.2.3/hook');
  await hook.getByRole('button', { name: '设置并生成签名密钥' }).click();
  await hook.getByText('推送地址指向平台本机、链路本地或内部网段').waitFor();
  await hook.getByLabel('接收地址').fill(receiverUrl);
  await hook.getByRole('button', { name: '设置并生成签名密钥' }).click();
  const signing = ((await hook.getByTestId('webhook-secret').textContent()) ?? '').trim();
  assert.match(signing, /^whsec_/);
  await hook.getByText('正常').waitFor();
  await hook.getByRole('button', { name: '发送测试事件' }).click();
  await page.getByText(/测试推送：已送达，HTTP 204/).waitFor();
  assert.equal(received.length, 1);
  assert.deepEqual(JSON.parse(received[0]!.body), { test: true, events: [] });
  assert.ok(signedWith(signing, received[0]!), 'the receiver verifies the test event with the secret');
  await shot(page, 'exchange-2-webhook');
  await hook.getByRole('button', { name: '轮换签名密钥' }).click();
  await motionSettled(page);
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await hook.getByTestId('webhook-secret').filter({ hasNotText: signing }).waitFor();
  const rotated = ((await hook.getByTestId('webhook-secret').textContent()) ?? '').trim();
  await hook.getByRole('button', { name: '发送测试事件' }).click();
  for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(signedWith(rotated, received[1]!), 'after rotating: the new secret verifies');
  assert.ok(!signedWith(signing, received[1]!), 'after rotating: the old secret does not');
  await hook
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /关\s*闭/ })
    .click();

  await page.reload();
  await row.getByText('有效').waitFor();
  await row.getByText(/正常 · #\d+/).waitFor();
  await shot(page, 'exchange-3-list');
  await row
    .getByRole('button', { name: '停 用', exact: true })
    .or(row.getByRole('button', { name: '停用', exact: true }))
    .click();
  await motionSettled(page);
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  // The client's status and its webhook both read 已停用 once the client is disabled.
  await row.getByText('已停用').first().waitFor();
  assert.equal(await row.getByText('已停用').count(), 2);
  assert.equal((await read()).status, 401, 'the live token stops at once');
  assert.equal((await tokenFor(clientId, secret)).status, 401);
  await ctx.close();
});

test("the market-regulation bureau's system sends licence records; the district sees 证照比对 and imports the bureau's file", async () => {
  // The security admin registers the bureau's system with the scope to send licence records.
  const sec = await apiAs(h, 'secadmin');
  const reg = await sec.request.post(`${h.baseUrl}/api/v1/exchange/clients`, {
    data: {
      name: '区市场监管局 执照信息报送',
      department: 'market_regulation',
      purpose: '报送营业执照登记信息，供证照比对',
      scopes: ['licences.write'],
      fields: [],
      ratePerMinute: 60,
      expiresOn: '2027-12-31',
    },
  });
  assert.equal(reg.status(), 201, await reg.text());
  const { clientId, clientSecret } = await reg.json();
  const tok = await sec.request.post(`${h.baseUrl}/api/v1/oauth/token`, {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  const auth = { authorization: `Bearer ${(await tok.json()).access_token}` };

  // One operating institution of the demo that market regulation registers (a code of authority 9).
  const officer = await apiAs(h, 'district');
  const list = await (
    await officer.request.get(`${h.baseUrl}/api/v1/institutions?status=operating&pageSize=100`)
  ).json();
  const inst = (list.items as { id: string; name: string; creditCode: string }[]).find((i) =>
    i.creditCode.startsWith('9'),
  )!;
  const record = {
    creditCode: inst.creditCode,
    name: inst.name,
    status: 'revoked',
    registeredOn: '2019-04-02',
    statusOn: '2026-11-20',
    authority: '青浦区市场监督管理局',
    businessScope: '托育服务',
  };
  // A wrong record is refused whole, naming it; then the bureau sends the revocation.
  const bad = await sec.request.post(`${h.baseUrl}/api/v1/exchange/business-licences`, {
    headers: auth,
    data: { records: [{ ...record, statusOn: null }] },
  });
  assert.equal(bad.status(), 400);
  assert.equal((await bad.json()).errors[0].field, 'records.0.statusOn');
  const sent = await sec.request.post(`${h.baseUrl}/api/v1/exchange/business-licences`, {
    headers: auth,
    data: { records: [record] },
  });
  assert.equal(sent.status(), 200, await sent.text());
  assert.equal((await sent.json()).updated + (await sent.json()).inserted, 1);

  // The district officer finds it on 证照比对 under 登记状态非存续.
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/exchange/licences`);
  await page.getByRole('heading', { name: /证照比对/ }).waitFor();
  await page.getByTestId('licence-last-received').waitFor();
  await page.locator('.ant-segmented-item', { hasText: '登记状态非存续' }).click();
  await page.waitForURL(/finding=not_active/);
  const row = page.getByRole('row', { name: new RegExp(inst.name) });
  await row.getByText('吊销（2026-11-20）').waitFor();
  await row.getByText('登记状态非存续').waitFor();
  await shot(page, 'exchange-4-licence-checks');

  // The bureau's export says it is active again: imported here, it leaves the list.
  const csv = `\uFEFF统一社会信用代码,企业名称,登记状态,成立日期,状态日期,登记机关,经营范围\r\n${record.creditCode},${inst.name},存续,2019-04-02,,青浦区市场监督管理局,托育服务\r\n`;
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'licences.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByText('预检通过：1 行可导入。').waitFor();
  await page.getByRole('button', { name: '提交导入' }).click();
  await page.getByText(/导入完成：新增或更新 1 条登记信息/).waitFor({ timeout: 30_000 });
  await row.waitFor({ state: 'detached' });
  await shot(page, 'exchange-5-licence-import');
  await page.close();
  await sec.close();
  await officer.close();
});
