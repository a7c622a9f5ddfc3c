/** The downloadable XLSX files of an import: the error report and the template. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { neutralize } from '../export.ts';
import type { ImportDefinition, RowError } from './definition.ts';
import { ERROR_COLUMN, headerOf } from './headers.ts';
import type { TableInput } from './read.ts';
import { scanTable } from './scan.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function collect(): { stream: PassThrough; done: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  return { stream, done };
}

const describe = (errors: RowError[]) =>
  errors.map((e) => `${e.column ? `【${e.column}】` : ''}${e.message_zh} / ${e.message_en}`).join('；');

/**
 * Every row of the uploaded file as it was read, with an error column appended (empty for a good
 * row), so the officer can fix the rows in place and upload this file again (the error column is
 * ignored on upload). Cell texts are neutralised like any export.
 */
export async function errorReport<T>(def: ImportDefinition<T>, actor: Actor, data: TableInput, db?: Db) {
  const { stream, done } = collect();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  let width = 0;
  let next = 2;
  await scanTable(def, actor, data, {
    db,
    onHeader: (cells) => {
      width = cells.length;
      ws.addRow([...cells, ERROR_COLUMN]).commit();
    },
    onRow: (row, cells, errors) => {
      for (; next < row; next++) ws.addRow([]).commit();
      const r = ws.addRow([...pad(cells, width).map((c) => neutralize(c)), describe(errors)]);
      if (errors.length) r.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
      r.commit();
      next = row + 1;
    },
  });
  ws.commit();
  await wb.commit();
  return { fileName: `${def.kind}-errors.xlsx`, contentType: XLSX_TYPE, body: await done };

  function pad(cells: string[], n: number) {
    return cells.length >= n ? cells.slice(0, n) : [...cells, ...Array(n - cells.length).fill('')];
  }
}

/** Headers, one example row and a notes sheet (what each column takes, required or not). */
export async function template<T>(def: ImportDefinition<T>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(def.titleZh, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({ header: headerOf(c), width: Math.max(14, c.zh.length * 2 + 8) }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(def.columns.map((c) => c.example));
  const notes = wb.addWorksheet('填写说明 Notes');
  notes.columns = [
    { header: '列 Column', width: 30 },
    { header: '必填 Required', width: 14 },
    { header: '说明', width: 60 },
    { header: 'Notes', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of def.columns)
    notes.addRow([headerOf(c), c.required ? '是 Yes' : '否 No', c.noteZh, c.noteEn]);
  notes.addRow([]);
  notes.addRow([
    '',
    '',
    '请只填写第一个工作表；第 1 行为表头，示例行可删除或改写。支持 .xlsx 与 .csv（UTF-8 或 GB18030）。',
    'Fill in the first sheet only; row 1 holds the headers, the example row may be replaced. Accepts .xlsx and .csv (UTF-8 or GB18030).',
  ]);
  return {
    fileName: `${def.kind}-template.xlsx`,
    contentType: XLSX_TYPE,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
