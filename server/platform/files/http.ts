/**
 * The HTTP side of files, shared by every module: a scope where upload routes live (multipart parsing
 * only there), `readUpload` (exactly one file part, the purpose's size limit, 413 on a truncated file,
 * all checks of check.ts) and `sendAttachment` (attachment disposition, nosniff, no caching).
 */
import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, fieldError } from '../errors.ts';
import { type CheckedFile, checkFile, type RawUpload } from './check.ts';
import { contentDisposition } from './names.ts';
import { type Purpose, purposeDef } from './purposes.ts';

/**
 * Register upload routes inside `register`: multipart/form-data is parsed only in this scope. The
 * route itself calls `readUpload(req, purpose)`.
 */
export async function uploadScope(
  app: FastifyInstance,
  register: (scope: FastifyInstance) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { files: 2, fields: 4, parts: 6, fieldNameSize: 100, headerPairs: 20 },
      throwFileSizeLimit: false, // readUpload checks `truncated` itself and answers 413
    });
    await register(scope);
  });
}

async function drain(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

const LIMIT_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * The one file of a multipart request, checked for `purpose`. 400 naming the field for: no file, a
 * second file part, a field part, an empty file, a kind the purpose does not take, a name or declared
 * type that disagrees with the bytes, an executable, a damaged image. 413 payload.too_large for a file
 * over the purpose's limit (busboy truncates it: the truncated bytes are never stored).
 */
export async function readUpload(
  req: FastifyRequest,
  purpose: Purpose,
  field = 'file',
): Promise<CheckedFile> {
  if (!req.isMultipart())
    throw fieldError(
      'body',
      'multipart_required',
      '请以 multipart/form-data 上传文件',
      'Send the file as multipart/form-data',
    );
  const { maxBytes } = purposeDef(purpose);
  let raw: RawUpload | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type !== 'file')
        throw fieldError(
          part.fieldname,
          'unknown_property',
          `不允许的字段：${part.fieldname}`,
          `Unknown field: ${part.fieldname}`,
        );
      if (raw || part.fieldname !== field) {
        part.file.resume();
        throw raw
          ? fieldError(part.fieldname, 'file.too_many', '一次只能上传一个文件', 'Send exactly one file')
          : fieldError(
              part.fieldname,
              'unknown_property',
              `文件应放在字段 ${field} 中`,
              `Send the file in the field "${field}"`,
            );
      }
      const chunks = await drain(part.file);
      if (part.file.truncated) throw new DomainError('payload.too_large');
      raw = { field, fileName: part.filename, declaredType: part.mimetype, data: Buffer.concat(chunks) };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code && LIMIT_CODES.has(code))
      throw fieldError(
        'body',
        'too_many_parts',
        '表单部分过多：只需一个文件',
        'Too many form parts: send one file only',
      );
    if (e instanceof DomainError) throw e;
    // Only parsing happens in this block: busboy's errors (no boundary, a cut-off body, a bad part
    // header) are the client's malformed request.
    throw fieldError('body', 'malformed_multipart', '上传的表单格式错误', 'The multipart body is malformed');
  }
  if (!raw) throw fieldError(field, 'required', '请选择要上传的文件', 'Choose a file to upload');
  return checkFile(purpose, raw);
}

/** Send stored bytes as a download: never rendered inline, never sniffed, never cached. */
export function sendAttachment(
  reply: FastifyReply,
  file: { fileName: string; contentType: string },
  data: Buffer,
): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(data);
}
