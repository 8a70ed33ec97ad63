import {
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, type ApiBodyOptions, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CsvImportResult } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../auth/access.decorator.js';
import { DomainError } from '../common/domain-error.js';
import {
  CsvImportQueryDto,
  CsvImportResultDto,
  DeviceExportQueryDto,
  RackExportQueryDto,
} from './inventory.dto.js';
import { InventoryCsvService } from './inventory-csv.service.js';

const maxCsvBytes = 5 * 1024 * 1024;
const csvUpload: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' } },
  },
};

function csvText(file: { buffer: Buffer } | undefined): string {
  if (!file) {
    throw new DomainError('validation_failed', 'Send the CSV file in a part named "file"', {
      fields: [{ path: 'file', message: 'no file received' }],
    });
  }
  return file.buffer.toString('utf8');
}

/**
 * CSV bulk import and export of racks and devices. Registered before the resource controllers so
 * `/racks/export` is not taken for a rack id.
 */
@ApiTags('inventory')
@Controller()
export class InventoryCsvController {
  constructor(private readonly csv: InventoryCsvService) {}

  /** Columns: see `rackCsvColumns`. `?dryRun=true` reports per row what would change, writing nothing. */
  @Post('racks/import')
  @Allow('inventory.write')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(csvUpload)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: maxCsvBytes } }))
  @ZodResponse({ type: CsvImportResultDto })
  importRacks(
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Query() query: CsvImportQueryDto,
  ): Promise<CsvImportResult> {
    return this.csv.import('racks', csvText(file), query.dryRun);
  }

  /** Columns: see `deviceCsvColumns`. `?dryRun=true` reports per row what would change, writing nothing. */
  @Post('devices/import')
  @Allow('inventory.write')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(csvUpload)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: maxCsvBytes } }))
  @ZodResponse({ type: CsvImportResultDto })
  importDevices(
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Query() query: CsvImportQueryDto,
  ): Promise<CsvImportResult> {
    return this.csv.import('devices', csvText(file), query.dryRun);
  }

  /** The racks of the list's filters, every page, in the import's columns. */
  @Get('racks/export')
  @Allow('inventory.read')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="racks.csv"')
  exportRacks(@Query() query: RackExportQueryDto): Promise<string> {
    return this.csv.exportRacks(query);
  }

  @Get('devices/export')
  @Allow('inventory.read')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="devices.csv"')
  exportDevices(@Query() query: DeviceExportQueryDto): Promise<string> {
    return this.csv.exportDevices(query);
  }
}
