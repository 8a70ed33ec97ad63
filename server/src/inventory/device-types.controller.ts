import { EntityManager } from '@mikro-orm/core';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { DeviceType as DeviceTypeShape, DeviceTypeImportResult, Page } from '@vigie/shared';
import { ZodResponse } from 'nestjs-zod';
import { DeviceTypesService, type UploadedLibraryFile } from './device-types.service.js';
import { Allow } from '../auth/access.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { notFound } from '../common/domain-error.js';
import { keysetPage, sortOrderOf } from '../common/keyset-page.js';
import {
  CreateDeviceTypeDto,
  DeleteQueryDto,
  DeviceTypeDto,
  DeviceTypeImportResultDto,
  DeviceTypeListQueryDto,
  DeviceTypePageDto,
  UpdateDeviceTypeDto,
} from './inventory.dto.js';
import { deviceTypeFilter } from './inventory-filters.js';
import { toDeviceTypeDto } from './inventory.mappers.js';
import { DeviceType } from './device-type.entity.js';
import { LibraryUploadLimit, maxImportFileBytes } from './library-upload-limit.js';

/** A batch of library files: enough for a manufacturer's whole folder, small enough to hold in memory. */
const maxImportFiles = 500;

@ApiTags('inventory')
@Allow('inventory.read')
@Controller('device-types')
export class DeviceTypesController {
  constructor(
    private readonly em: EntityManager,
    private readonly deviceTypes: DeviceTypesService,
  ) {}

  @Get()
  @ZodResponse({ type: DeviceTypePageDto })
  list(@Query() query: DeviceTypeListQueryDto): Promise<Page<DeviceTypeShape>> {
    return keysetPage(
      this.em.fork(),
      DeviceType,
      deviceTypeFilter(query),
      query,
      toDeviceTypeDto,
      [],
      sortOrderOf(query.sort),
    );
  }

  /** Device types are a catalogue shared by every tenant: no scoping. */
  @Get(':id')
  @ZodResponse({ type: DeviceTypeDto })
  async get(@Param('id', ParseIntPipe) id: number): Promise<DeviceTypeShape> {
    const deviceType = await this.em.fork().findOne(DeviceType, { id });
    if (!deviceType) throw notFound('Device type');
    return toDeviceTypeDto(deviceType);
  }

  @Post()
  @Allow('inventory.write')
  @Idempotent()
  @ZodResponse({ status: 201, type: DeviceTypeDto })
  create(@Body() body: CreateDeviceTypeDto): Promise<DeviceTypeShape> {
    return this.deviceTypes.create(body);
  }

  /**
   * Device-type library files (`.yaml`/`.yml`) in multipart parts named `files`. Each file is
   * created, updated (same slug) or rejected as a whole; the answer says which, per file.
   */
  @Post('import')
  @Allow('inventory.write')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @UseInterceptors(
    LibraryUploadLimit,
    FilesInterceptor('files', maxImportFiles, { limits: { fileSize: maxImportFileBytes } }),
  )
  @ZodResponse({ type: DeviceTypeImportResultDto })
  import(@UploadedFiles() files: UploadedLibraryFile[] | undefined): Promise<DeviceTypeImportResult> {
    return this.deviceTypes.importLibraryFiles(files ?? []);
  }

  @Patch(':id')
  @Allow('inventory.write')
  @ZodResponse({ type: DeviceTypeDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateDeviceTypeDto): Promise<DeviceTypeShape> {
    return this.deviceTypes.update(id, body);
  }

  /** 409 with the current state while other records still refer to it. */
  @Delete(':id')
  @Allow('inventory.write')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: DeleteQueryDto): Promise<void> {
    return this.deviceTypes.delete(id, query.version);
  }
}
