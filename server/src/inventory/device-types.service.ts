import { Injectable } from '@nestjs/common';
import type {
  CreateDeviceType,
  DeviceType as DeviceTypeDto,
  DeviceTypeImportFileResult,
  DeviceTypeImportResult,
  FieldError,
  UpdateDeviceType,
} from '@vigie/shared';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { removeIfUnused } from './inventory-delete.js';
import { DeviceType } from './device-type.entity.js';
import { parseLibraryDeviceType } from './device-type-library.js';
import { Device } from './device.entity.js';
import { assignDefined, everyoneRooms, ruleViolation, taken } from './inventory-write-support.js';
import { toDeviceTypeDto } from './inventory.mappers.js';

export interface UploadedLibraryFile {
  originalname: string;
  buffer: Buffer;
}

/** Maps our field names back to the library's keys, so an import error names the key in the file. */
const libraryKeyOf: Record<string, string> = {
  uHeight: 'u_height',
  isFullDepth: 'is_full_depth',
  slug: 'slug',
};

@Injectable()
export class DeviceTypesService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateDeviceType): Promise<DeviceTypeDto> {
    return this.writer.run(async (tx) => {
      const { dto } = await this.insert(tx, input);
      tx.announce('device-type.created', dto, everyoneRooms);
      return dto;
    });
  }

  update(id: number, change: UpdateDeviceType): Promise<DeviceTypeDto> {
    return this.writer.run(async (tx) => {
      const type = await tx.em.findOne(DeviceType, { id });
      if (!type) throw notFound('Device type');
      if (type.version !== change.version) throw staleVersion(toDeviceTypeDto(type));
      if (
        change.slug &&
        change.slug !== type.slug &&
        (await tx.em.count(DeviceType, { slug: change.slug }))
      ) {
        throw taken('slug', 'This slug');
      }
      const { version: _version, ...fields } = change;
      const dto = await this.apply(tx, type, fields);
      tx.announce('device-type.updated', dto, everyoneRooms);
      return dto;
    });
  }

  /** Each file is imported in its own transaction: a file is taken or rejected as a whole. */
  async importLibraryFiles(files: readonly UploadedLibraryFile[]): Promise<DeviceTypeImportResult> {
    if (files.length === 0) {
      throw new DomainError('validation_failed', 'Send one or more YAML files in parts named "files"', {
        fields: [{ path: 'files', message: 'no file received' }],
      });
    }
    const results: DeviceTypeImportFileResult[] = [];
    for (const file of files) results.push(await this.importOne(file));
    return {
      created: results.filter((result) => result.outcome === 'created').length,
      updated: results.filter((result) => result.outcome === 'updated').length,
      rejected: results.filter((result) => result.outcome === 'rejected').length,
      files: results,
    };
  }

  private async importOne(file: UploadedLibraryFile): Promise<DeviceTypeImportFileResult> {
    const name = file.originalname;
    const rejected = (slug: string | null, errors: FieldError[]): DeviceTypeImportFileResult => ({
      file: name,
      outcome: 'rejected',
      slug,
      deviceTypeId: null,
      errors,
    });
    if (!/\.ya?ml$/i.test(name))
      return rejected(null, [{ path: '(file)', message: 'expected a .yaml or .yml file' }]);
    const parsed = parseLibraryDeviceType(file.buffer.toString('utf8'));
    if (!parsed.ok) return rejected(parsed.slug, parsed.errors);
    const input = parsed.deviceType;
    try {
      return await this.writer.run(async (tx) => {
        const existing = await tx.em.findOne(DeviceType, { slug: input.slug });
        const { entity, dto } = existing
          ? { entity: existing, dto: await this.apply(tx, existing, input) }
          : await this.insert(tx, input);
        tx.announce(
          'device-type.imported',
          { created: existing ? [] : [entity.id], updated: existing ? [entity.id] : [] },
          everyoneRooms,
        );
        return {
          file: name,
          outcome: existing ? 'updated' : 'created',
          slug: dto.slug,
          deviceTypeId: dto.id,
          errors: [],
        };
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = (error.details.fields ?? [{ path: '(file)', message: error.message }]).map((field) => ({
        path: libraryKeyOf[field.path] ?? field.path,
        message: field.message,
      }));
      return rejected(input.slug, fields);
    }
  }

  private async insert(
    tx: WriteContext,
    input: CreateDeviceType,
  ): Promise<{ entity: DeviceType; dto: DeviceTypeDto }> {
    if (await tx.em.count(DeviceType, { slug: input.slug })) throw taken('slug', 'This slug');
    const entity = tx.em.create(DeviceType, input);
    await tx.em.flush();
    const dto = toDeviceTypeDto(entity);
    await tx.audit({
      action: 'device-type.create',
      entityType: 'DeviceType',
      entityId: entity.id,
      after: dto,
    });
    return { entity, dto };
  }

  /**
   * Changes a type. Its size and depth are fixed once devices of the type are racked: changing
   * them would silently create overlaps.
   */
  private async apply(
    tx: WriteContext,
    type: DeviceType,
    fields: Omit<UpdateDeviceType, 'version'>,
  ): Promise<DeviceTypeDto> {
    const before = toDeviceTypeDto(type);
    const resized = fields.uHeight !== undefined && fields.uHeight !== type.uHeight;
    const redepthed = fields.isFullDepth !== undefined && fields.isFullDepth !== type.isFullDepth;
    if (resized || redepthed) {
      const racked = await tx.em.count(Device, { deviceType: type, rack: { $ne: null } }, { filters: false });
      if (racked > 0) {
        throw ruleViolation(
          resized ? 'uHeight' : 'isFullDepth',
          `${racked} racked device(s) use this type; its height and depth cannot change`,
        );
      }
    }
    assignDefined(type, fields);
    await tx.em.flush();
    const after = toDeviceTypeDto(type);
    await tx.audit({
      action: 'device-type.update',
      entityType: 'DeviceType',
      entityId: type.id,
      before,
      after,
    });
    return after;
  }

  /** 409 while devices of the type exist, racked or in stock. */
  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      await removeIfUnused(
        tx,
        {
          entity: DeviceType,
          label: 'Device type',
          entityType: 'DeviceType',
          action: 'device-type.delete',
          toDto: toDeviceTypeDto,
          uses: async (deviceType) => ({
            devices: await tx.em.count(Device, { deviceType }, { filters: false }),
          }),
        },
        id,
        version,
      );
      tx.announce('device-type.deleted', { id }, everyoneRooms);
    });
  }
}
