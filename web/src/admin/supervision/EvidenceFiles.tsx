/**
 * Supervision's files shown small: images as thumbnails (the download URL serves the stripped bytes
 * with their image type), PDFs as links; an optional delete button for the viewer's own uploads.
 */
import { Button, Space } from 'antd';
import { useT } from '../../i18n/index.tsx';

export interface ShownFile {
  id: string;
  fileName: string;
  contentType: string;
  uploadedBy: string | null;
}

export function EvidenceFiles(props: {
  files: ShownFile[];
  urlOf: (fileId: string) => string;
  /** Shown for files uploaded by `me` when given. */
  onDelete?: (fileId: string) => void;
  me?: string;
  testId?: string;
}) {
  const t = useT();
  if (props.files.length === 0) return null;
  return (
    <Space wrap size={8} data-testid={props.testId}>
      {props.files.map((f) => (
        <Space key={f.id} direction="vertical" size={2} style={{ alignItems: 'center' }}>
          <a href={props.urlOf(f.id)} target="_blank" rel="noreferrer" title={f.fileName}>
            {f.contentType.startsWith('image/') ? (
              <img
                src={props.urlOf(f.id)}
                alt={t('supervision.evidence.photoAlt', { name: f.fileName })}
                loading="lazy"
                style={{
                  width: 72,
                  height: 72,
                  objectFit: 'cover',
                  borderRadius: 4,
                  border: '1px solid #d9d9d9',
                }}
              />
            ) : (
              <span>{f.fileName}</span>
            )}
          </a>
          {props.onDelete && props.me && f.uploadedBy === props.me ? (
            <Button size="small" type="link" danger onClick={() => props.onDelete?.(f.id)}>
              {t('supervision.evidence.delete')}
            </Button>
          ) : null}
        </Space>
      ))}
    </Space>
  );
}
