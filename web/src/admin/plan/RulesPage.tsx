/**
 * /admin/plan/rules — 规则包: every value in force for the district on a chosen date, each with the
 * document, article and whether it was checked against the official text; the packs that apply; and,
 * said plainly above them, what the resolver cannot show on that date (a known document not entered, a
 * district pack that has ended). Resolved in the browser with the same pure resolver the server uses.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { SKILL_ASSESSMENT_LABELS, type SkillAssessment } from '../../../../domain/contracts/workforce.ts';
import { versionInForce } from '../../../../domain/plan/funding-values.ts';
import { ALL_PACKS, resolvePolicy } from '../../../../domain/policy/index.ts';
import { policyNotices } from '../../../../domain/policy/notices.ts';
import type { ValueSource } from '../../../../domain/policy/resolve.ts';
import type { PolicyGroup, PolicyPack } from '../../../../domain/policy/types.ts';
import { REASONS } from '../../../../domain/rules/reasons.ts';
import { keys } from '../../api/keys.ts';
import { isMessageKey, type Lang, pick, useLang, useT } from '../../i18n/index.tsx';
import { todayIso } from '../families/labels.ts';
import { classTypeLabel } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type FundingVersion, planApi } from './api.ts';
import { yuan } from './money.ts';

type T = ReturnType<typeof useT>;

interface ValueRow {
  id: string;
  group: PolicyGroup;
  key: string;
  value: unknown;
  source: ValueSource;
  /** A value of the district's funding version in force (entered here, not a pack): the pack's value, if any. */
  district?: { packValue: unknown };
}

const FUNDING_KEYS = [
  'toddlerRateMultiplier',
  'pupilFloor',
  'teachersPerToddlerClass',
  'caregiversPerToddlerClass',
  'subsidyAssessments',
] as const;

/** The day before an ISO date (a version ends the day before the next one starts). */
const dayBefore = (iso: string) => dayjs(iso).subtract(1, 'day').format('YYYY-MM-DD');

/** The funding group's rows as the district's version in force gives them (ADR 0028). */
function fundingRows(
  t: T,
  v: FundingVersion,
  next: FundingVersion | undefined,
  pack: Map<string, unknown>,
): ValueRow[] {
  const source: ValueSource = {
    packId: `district-funding-${v.versionNo}`,
    level: 'district',
    title: v.citation.title,
    issuer: v.citation.issuer,
    docNumber: v.citation.docNumber,
    article: t('plan.rules.district.versionArticle', { n: v.versionNo }),
    verified: true,
    effectiveFrom: v.effectiveFrom,
    ...(next ? { effectiveTo: dayBefore(next.effectiveFrom) } : {}),
  };
  const values: Record<(typeof FUNDING_KEYS)[number], unknown> = {
    toddlerRateMultiplier: v.multiplier,
    pupilFloor: v.pupilFloor,
    teachersPerToddlerClass: v.teachersPerClass,
    caregiversPerToddlerClass: v.caregiversPerClass,
    subsidyAssessments: v.trainingSubsidies,
  };
  return FUNDING_KEYS.map((key) => ({
    id: `funding.${key}`,
    group: 'funding' as PolicyGroup,
    key,
    value: values[key],
    source,
    district: { packValue: pack.get(`funding.${key}`) },
  }));
}

const CLASS_GROUPS: readonly PolicyGroup[] = ['classCaps', 'classRatios', 'classAgeBands'];

function itemLabel(t: T, lang: Lang, group: PolicyGroup, key: string): string {
  if (CLASS_GROUPS.includes(group)) return classTypeLabel(lang, key);
  const k = `plan.rules.k.${key}`;
  return isMessageKey(k) ? t(k) : key;
}

function groupLabel(t: T, group: string): string {
  const k = `plan.rules.g.${group}`;
  return isMessageKey(k) ? t(k) : group;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as an official reads it: numbers, ranges, bands, lists; structured lists by their size. */
export function valueText(t: T, group: PolicyGroup, key: string, v: unknown, lang: Lang = 'zh-CN'): string {
  if (v === null || v === undefined) return t('plan.rules.noRule');
  if (key === 'subsidyAssessments' && Array.isArray(v))
    return v
      .map((x) => {
        const code = (isObj(x) ? x.occupation : x) as SkillAssessment;
        const label = SKILL_ASSESSMENT_LABELS[code]
          ? pick(lang, SKILL_ASSESSMENT_LABELS[code].zh, SKILL_ASSESSMENT_LABELS[code].en)
          : String(code);
        return isObj(x) && typeof x.amountFen === 'number' ? `${label} ${yuan(x.amountFen)}` : label;
      })
      .join('、');
  if (typeof v === 'number') return group === 'classRatios' ? `1 : ${v}` : String(v);
  if (v === 'college_diploma') return t('plan.rules.collegeDiploma');
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    if (key === 'targets') return t('plan.rules.targets', { n: v.length });
    if (v.every((x) => isObj(x) && typeof x.title === 'string'))
      return v
        .map((x) => `${(x as { docNumber: string }).docNumber}《${(x as { title: string }).title}》`)
        .join('；');
    return v.map(String).join('、');
  }
  if (isObj(v)) {
    if ('minMonths' in v)
      return t('plan.rules.months', { min: String(v.minMonths), max: String(v.maxMonths) });
    if ('min' in v && 'max' in v) return v.min === v.max ? String(v.min) : `${v.min}–${v.max}`;
    if ('numerator' in v) return `× ${v.numerator}/${v.denominator}`;
    if ('comparison' in v) return `${v.comparison} ${v.value} ${v.unit}`;
    if (key === 'postCertificates') return t('plan.rules.posts', { n: Object.keys(v).length });
  }
  return JSON.stringify(v);
}

function levelTag(t: T, level: PolicyPack['level']) {
  const color = level === 'national' ? 'red' : level === 'city' ? 'blue' : 'green';
  return <Tag color={color}>{t(`plan.rules.level.${level}`)}</Tag>;
}

function packState(p: PolicyPack, onDate: string): 'inForce' | 'notYet' | 'ended' {
  if (onDate < p.effectiveFrom) return 'notYet';
  if (p.effectiveTo !== undefined && onDate > p.effectiveTo) return 'ended';
  return 'inForce';
}

export default function RulesPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const [day, setDay] = useState<Dayjs>(() => dayjs(todayIso()));
  const onDate = day.format('YYYY-MM-DD');
  const versions = useQuery({
    queryKey: keys.plan.versions,
    queryFn: ({ signal }) => planApi.versions(signal),
  });
  const mayFunding = can(me, 'plan.funding_read');
  const funding = useQuery({
    queryKey: keys.plan.fundingVersions,
    queryFn: ({ signal }) => planApi.fundingVersions(signal),
    enabled: mayFunding,
  });
  const fundingItems = funding.data?.items ?? [];
  const fundingOn = versionInForce(fundingItems, onDate);
  const fundingNext = fundingOn
    ? fundingItems
        .filter((v) => v.effectiveFrom > fundingOn.effectiveFrom)
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]
    : undefined;
  const resolved = useMemo(() => resolvePolicy(me.districtCode, onDate), [me.districtCode, onDate]);
  const notices = useMemo(() => policyNotices(me.districtCode, onDate), [me.districtCode, onDate]);
  const packs = useMemo(
    () =>
      ALL_PACKS.filter(
        (p) =>
          p.level === 'national' ||
          (p.level === 'city' && p.jurisdiction === `${me.districtCode.slice(0, 2)}0000`) ||
          (p.level === 'district' && p.jurisdiction === me.districtCode),
      ),
    [me.districtCode],
  );
  const groups = useMemo(() => {
    if (!resolved.ok) return [];
    const byGroup = new Map<PolicyGroup, ValueRow[]>();
    for (const [id, source] of Object.entries(resolved.sources)) {
      const [group, key] = id.split('.') as [PolicyGroup, string];
      const value = (resolved.values as unknown as Record<string, Record<string, unknown>>)[group]?.[key];
      const rows = byGroup.get(group) ?? [];
      rows.push({ id, group, key, value, source });
      byGroup.set(group, rows);
    }
    if (fundingOn) {
      const pack = new Map((byGroup.get('funding') ?? []).map((r) => [r.id, r.value]));
      byGroup.set('funding', fundingRows(t, fundingOn, fundingNext, pack));
    }
    return [...byGroup.entries()];
  }, [resolved, fundingOn, fundingNext, t]);
  // A successor plan covering the date (the plan versions live in the database, not in the packs).
  const successor = (versions.data ?? []).find(
    (v) => v.predecessorId !== null && v.periodStart <= onDate && onDate <= v.periodEnd,
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.rules.title')}</h1>}>
        <Typography.Paragraph>{t('plan.rules.intro')}</Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('plan.rules.onDate')} htmlFor="rules-on-date">
            <DatePicker
              id="rules-on-date"
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
              presets={[{ label: t('plan.rules.today'), value: dayjs(todayIso()) }]}
            />
          </Form.Item>
        </Form>
      </Card>

      <div data-testid="rules-notices">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {notices.gaps.map((g) => (
            <Alert
              key={g.id}
              type="warning"
              showIcon
              message={t('plan.rules.gap', { title: g.title, doc: g.docNumber, from: g.from, to: g.to })}
              description={pick(lang, g.zh, g.en)}
            />
          ))}
          {notices.lapsed.map((l) => {
            const level = t(`plan.rules.level.${l.level}`);
            return (
              <Alert
                key={l.packId}
                type="info"
                showIcon
                message={t('plan.rules.lapsed', {
                  title: l.title,
                  doc: l.docNumber,
                  to: l.effectiveTo,
                  level,
                })}
                description={
                  <>
                    <div>
                      {t('plan.rules.lapsedBody', {
                        level,
                        groups: l.groups.map((g) => groupLabel(t, g)).join('、'),
                      })}
                    </div>
                    {l.level === 'district' && (
                      <div>
                        {successor
                          ? t('plan.rules.lapsedSuccessor', {
                              title: successor.title,
                              from: successor.periodStart,
                              to: successor.periodEnd,
                            })
                          : t('plan.rules.lapsedCarried', { to: l.effectiveTo })}
                      </div>
                    )}
                  </>
                }
              />
            );
          })}
          {!mayFunding ? (
            <Alert type="info" showIcon message={t('plan.rules.district.fundingHidden')} />
          ) : fundingOn ? (
            <Alert
              type="info"
              showIcon
              data-testid="rules-funding-version"
              message={t('plan.rules.district.fundingOn', {
                date: onDate,
                n: fundingOn.versionNo,
                doc: fundingOn.citation.docNumber,
              })}
            />
          ) : null}
          {resolved.ok ? (
            <Alert
              type={resolved.unverified.length > 0 ? 'info' : 'success'}
              showIcon
              message={
                resolved.unverified.length > 0
                  ? t('plan.rules.unverified', { n: resolved.unverified.length })
                  : t('plan.rules.allVerified')
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={t('plan.rules.unresolved', {
                reason: pick(lang, REASONS[resolved.reason].zh, REASONS[resolved.reason].en),
              })}
            />
          )}
        </Space>
      </div>

      {groups.map(([group, rows]) => (
        <Card key={group} title={<h2 style={{ fontSize: 16, margin: 0 }}>{groupLabel(t, group)}</h2>}>
          <Table<ValueRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('plan.rules.item'),
                key: 'item',
                render: (_, r) => itemLabel(t, lang, r.group, r.key),
              },
              {
                title: t('plan.rules.value'),
                key: 'value',
                render: (_, r) => (
                  <span>
                    <strong>{valueText(t, r.group, r.key, r.value, lang)}</strong>
                    {r.district && r.district.packValue !== undefined && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('plan.rules.district.packWas', {
                          value: valueText(t, r.group, r.key, r.district.packValue, lang),
                        })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('plan.rules.source'),
                key: 'source',
                render: (_, r) => (
                  <span>
                    {levelTag(t, r.source.level)}
                    {r.source.title}（{r.source.docNumber}）
                  </span>
                ),
              },
              { title: t('plan.rules.article'), key: 'article', render: (_, r) => r.source.article },
              {
                title: t('plan.rules.inForce'),
                key: 'from',
                render: (_, r) =>
                  `${r.source.effectiveFrom} ~ ${r.source.effectiveTo ?? t('plan.rules.open')}`,
              },
              {
                title: t('plan.rules.check'),
                key: 'verified',
                render: (_, r) =>
                  r.district ? (
                    <Tag color="green">{t('plan.rules.district.entered')}</Tag>
                  ) : r.source.verified ? (
                    <Tag color="green">{t('plan.rules.verified')}</Tag>
                  ) : (
                    <Tag color="gold" title={r.source.note}>
                      {t('plan.rules.toVerify')}
                    </Tag>
                  ),
              },
            ]}
          />
        </Card>
      ))}

      <Card
        data-testid="rules-district-versions"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.rules.district.title')}</h2>}
      >
        <Typography.Paragraph type="secondary">{t('plan.rules.district.intro')}</Typography.Paragraph>
        <Typography.Title level={3} style={{ fontSize: 14 }}>
          {t('plan.rules.district.plans')}
        </Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={versions.data ?? []}
          loading={versions.isLoading}
          scroll={{ x: 700 }}
          columns={[
            { title: t('plan.rules.docTitle'), dataIndex: 'title', key: 'title' },
            { title: t('plan.rules.docNumber'), dataIndex: 'docNumber', key: 'doc' },
            {
              title: t('plan.rules.period'),
              key: 'period',
              render: (_, v) => `${v.periodStart} ~ ${v.periodEnd}`,
            },
            {
              title: t('plan.rules.state'),
              key: 'state',
              render: (_, v) => {
                const st = onDate < v.periodStart ? 'notYet' : onDate > v.periodEnd ? 'ended' : 'inForce';
                return (
                  <Tag color={st === 'inForce' ? 'green' : 'default'}>{t(`plan.rules.state.${st}`)}</Tag>
                );
              },
            },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
          {t('plan.rules.district.funding')}
        </Typography.Title>
        {!mayFunding ? (
          <Typography.Paragraph type="secondary">
            {t('plan.rules.district.fundingHidden')}
          </Typography.Paragraph>
        ) : funding.data && fundingItems.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('plan.rules.district.noFunding')}</Typography.Paragraph>
        ) : (
          <Table<FundingVersion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={fundingItems}
            loading={funding.isLoading}
            scroll={{ x: 700 }}
            columns={[
              {
                title: t('plan.rules.district.versionCol'),
                key: 'n',
                render: (_, v) => t('plan.rules.district.version', { n: v.versionNo }),
              },
              {
                title: t('plan.rules.district.doc'),
                key: 'doc',
                render: (_, v) => `${v.citation.issuer} ${v.citation.docNumber}《${v.citation.title}》`,
              },
              { title: t('plan.rules.district.from'), dataIndex: 'effectiveFrom', key: 'from' },
              {
                title: t('plan.rules.state'),
                key: 'state',
                render: (_, v) => {
                  const st =
                    fundingOn?.id === v.id ? 'inForce' : onDate < v.effectiveFrom ? 'notYet' : 'ended';
                  return (
                    <Tag color={st === 'inForce' ? 'green' : 'default'}>{t(`plan.rules.state.${st}`)}</Tag>
                  );
                },
              },
            ]}
          />
        )}
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.rules.packs')}</h2>}>
        <Table<PolicyPack>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={packs}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('plan.rules.level'),
              key: 'level',
              render: (_, p) => (
                <Space size={4}>
                  {levelTag(t, p.level)}
                  {p.level !== 'district' && <Tag>{t('plan.rules.readOnly')}</Tag>}
                </Space>
              ),
            },
            { title: t('plan.rules.docTitle'), dataIndex: 'title', key: 'title' },
            { title: t('plan.rules.docNumber'), dataIndex: 'docNumber', key: 'doc' },
            {
              title: t('plan.rules.period'),
              key: 'period',
              render: (_, p) => `${p.effectiveFrom} ~ ${p.effectiveTo ?? t('plan.rules.open')}`,
            },
            {
              title: t('plan.rules.state'),
              key: 'state',
              render: (_, p) => {
                const s = packState(p, onDate);
                return <Tag color={s === 'inForce' ? 'green' : 'default'}>{t(`plan.rules.state.${s}`)}</Tag>;
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
