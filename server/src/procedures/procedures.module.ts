import { Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LibraryReloadService } from './library-reload.service.js';
import { ProcedureLibrary } from './procedure-library.js';
import { ProceduresController } from './procedures.controller.js';

@Module({
  controllers: [ProceduresController],
  providers: [
    LibraryReloadService,
    {
      provide: ProcedureLibrary,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Procedures');
        const library = new ProcedureLibrary(config.proceduresDir, (message) => logger.warn(message));
        const status = library.load();
        logger.log(
          `${status.procedures} procedures loaded from ${library.folder} (EOP ${status.byKind.EOP}, SOP ${status.byKind.SOP}, MOP ${status.byKind.MOP}), ${status.problems} problem(s)`,
        );
        return library;
      },
    },
  ],
  exports: [ProcedureLibrary],
})
export class ProceduresModule {}
