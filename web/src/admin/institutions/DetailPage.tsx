/** /admin/institutions/:id — profile, classes, documents, history and the permitted actions. */

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Space, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { StatusPage } from '../StatusPage.tsx';
import { StaffingCard } from '../workforce/StaffingCard.tsx';
import { ActionsBar } from './ActionsBar.tsx';
import { ClassesCard, HistoryCard, ProfileCard } from './DetailSections.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { FeeListCard } from './FeeListCard.tsx';
import { RevealScope } from './RevealValue.tsx';
import { kindLabel, townName, useInstitution } from './shared.ts';

export default function DetailPage() {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const query = useInstitution(id);
  const inst = query.data;

  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <StatusPage status={404} home="/admin/institutions" />;
  if (query.error instanceof ApiError && query.error.status === 403)
    return <StatusPage status={403} home="/admin/institutions" />;

  return (
    <RevealScope key={id}>
      <Flex vertical gap={16}>
        <Card>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/admin/institutions')}
            style={{ paddingInline: 0 }}
          >
            {t('inst.backToList')}
          </Button>
          {query.error && (
            <Alert type="error" title={problemText(query.error, lang, t('common.unknownError'))} />
          )}
          {!inst ? (
            !query.error && <Skeleton active />
          ) : (
            <Flex wrap gap={12} justify="space-between" align="center">
              <div>
                <h1 style={{ fontSize: 20, margin: '4px 0' }}>{inst.name}</h1>
                <Space size={4} wrap>
                  <StatusTag set="institution" status={inst.status} data-testid="inst-status" />
                  <Tag>{kindLabel(lang, inst.kind)}</Tag>
                  <Tag>{townName(lang, inst.townCode)}</Tag>
                  {inst.inclusive && <Tag color="blue">{t('inst.inclusive')}</Tag>}
                </Space>
              </div>
              <ActionsBar
                id={inst.id}
                version={inst.version}
                permitted={inst.permittedActions}
                documents={inst.documents}
              />
            </Flex>
          )}
        </Card>
        {inst && (
          <>
            <ProfileCard inst={inst} />
            <ClassesCard inst={inst} />
            <FeeListCard institutionId={inst.id} />
            <StaffingCard institutionId={inst.id} />
            <DocumentsCard inst={inst} />
            <HistoryCard inst={inst} />
          </>
        )}
      </Flex>
    </RevealScope>
  );
}
