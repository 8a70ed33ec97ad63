import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { DomainError } from '../common/domain-error.js';

/** The most a device-type library file may weigh; real ones are a few KB. */
export const maxImportFileBytes = 256 * 1024;

/**
 * Words the upload limit in the one error format. Files are held in memory, so an oversized file
 * stops the whole request (413) instead of being read and rejected on its own: nothing is imported.
 * Placed before the files interceptor, whose multer error it catches.
 */
@Injectable()
export class LibraryUploadLimit implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof PayloadTooLargeException)) throw error;
        throw new DomainError(
          'payload_too_large',
          `A file is larger than ${maxImportFileBytes / 1024} KB: nothing in this request was imported`,
          { fields: [{ path: 'files', message: `at most ${maxImportFileBytes / 1024} KB per file` }] },
        );
      }),
    );
  }
}
