import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Readable } from 'node:stream';
import { MAX_DOCUMENT_BYTES } from '@jaarcyclus/api/documents/documents.service';
import { CsrfInterceptor } from './csrf';

/**
 * A form that posts a file beyond this size is refused as a whole (413, a page naming the
 * document limit: the other fields are lost with the aborted post). Below it, an oversized
 * file is read to its end and dropped, so the form comes back with every other field filled in
 * and the size named next to the file field (the api's limit, checked by DocumentsService).
 */
export const UPLOAD_HARD_LIMIT_BYTES = 5 * MAX_DOCUMENT_BYTES;

interface IncomingFile {
  stream: Readable;
}

interface StorageEngine {
  _handleFile(
    req: unknown,
    file: IncomingFile,
    cb: (error: Error | null, info?: { buffer: Buffer; size: number }) => void,
  ): void;
  _removeFile(req: unknown, file: { buffer?: Buffer }, cb: (error: Error | null) => void): void;
}

/**
 * multer's memory storage, keeping at most `maxBytes`: a larger file is read to its end (its
 * `size` says how large it was) but its content is dropped, so memory stays bounded.
 */
export function cappedMemoryStorage(maxBytes: number): StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
        else chunks.length = 0;
      });
      file.stream.once('error', (error: Error) => cb(error));
      file.stream.once('end', () =>
        cb(null, { buffer: size <= maxBytes ? Buffer.concat(chunks) : Buffer.alloc(0), size }),
      );
    },
    _removeFile(_req, file, cb) {
      delete file.buffer;
      cb(null);
    },
  };
}

/**
 * A form post that may carry one file in `field` (multipart/form-data; a urlencoded post of the
 * same route passes through untouched). Replaces CsrfGuard: the form token is checked once the
 * body is read, before the handler stores anything. Session and role guards still run first, so
 * nobody signed out gets to send a file.
 */
export function FormWithFile(field: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(
      FileInterceptor(field, {
        storage: cappedMemoryStorage(MAX_DOCUMENT_BYTES),
        // Browsers send file names as UTF-8 ('Begroting 2027 – concept.pdf').
        defParamCharset: 'utf8',
        limits: { fileSize: UPLOAD_HARD_LIMIT_BYTES, files: 1, fields: 100, fieldSize: 64 * 1024 },
      }),
      CsrfInterceptor,
    ),
  );
}
