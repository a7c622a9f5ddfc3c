/** Error codes of the import and export kit (typed catalogs: server/platform/errors.ts). */
import { defineErrors } from '../errors.ts';

export const importErrors = defineErrors('import', {
  'import.unsupported_type': {
    status: 415,
    zh: '不支持的文件类型',
    en: 'Unsupported file type',
  },
  'import.has_errors': {
    status: 409,
    zh: '文件中有错误行，未导入任何数据；请按错误报告修改后重新上传',
    en: 'The file has rows with errors; nothing was imported. Fix them using the error report and upload again',
  },
  'import.not_committable': {
    status: 409,
    zh: '该导入批次已提交或正在提交',
    en: 'This import has already been committed or is being committed',
  },
});

export const exportErrors = defineErrors('export', {
  'export.not_ready': { status: 409, zh: '导出文件尚未生成', en: 'The export file is not ready yet' },
});

declare module '../errors.ts' {
  interface ErrorCatalogs {
    import: typeof importErrors;
    export: typeof exportErrors;
  }
}
