import { Module } from '@nestjs/common';
import { CapacityService } from './capacity.service.js';
import { ContractsController } from './contracts.controller.js';
import { ContractsService } from './contracts.service.js';
import { DeviceListRepository } from './device-list.repository.js';
import { DeviceTypesController } from './device-types.controller.js';
import { DeviceTypesService } from './device-types.service.js';
import { DevicesController } from './devices.controller.js';
import { DevicesService } from './devices.service.js';
import { InventoryCsvController } from './inventory-csv.controller.js';
import { InventoryCsvService } from './inventory-csv.service.js';
import { InventorySearchController } from './inventory-search.controller.js';
import { PreparedStatements } from './prepared-statements.js';
import { PlacementController } from './placement.controller.js';
import { PlacementSearchService } from './placement-search.service.js';
import { RackElevationService } from './rack-elevation.service.js';
import { RackLoadRepository } from './rack-load.repository.js';
import { RacksController } from './racks.controller.js';
import { RacksService } from './racks.service.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsService } from './rooms.service.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsService } from './tenants.service.js';

/** Sites, rooms, racks, device types, devices, tenants and contracts: reads, writes, capacity, imports. */
@Module({
  controllers: [
    InventoryCsvController,
    SitesController,
    TenantsController,
    RoomsController,
    RacksController,
    DeviceTypesController,
    DevicesController,
    ContractsController,
    PlacementController,
    InventorySearchController,
  ],
  providers: [
    SitesService,
    TenantsService,
    RoomsService,
    RacksService,
    DeviceTypesService,
    DevicesService,
    ContractsService,
    PreparedStatements,
    RackLoadRepository,
    DeviceListRepository,
    CapacityService,
    RackElevationService,
    PlacementSearchService,
    InventoryCsvService,
  ],
})
export class InventoryModule {}
