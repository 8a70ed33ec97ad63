import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103508_inventory extends Migration {

  override name = 'Migration20261123103508_inventory';

  override up(): void | Promise<void> {
    this.addSql(`create table \`device_type\` (\`id\` integer not null primary key autoincrement, \`manufacturer\` text not null, \`model\` text not null, \`slug\` text not null, \`part_number\` text not null default '', \`u_height\` real not null default 1, \`is_full_depth\` integer not null default true, \`airflow\` text check (\`airflow\` in ('front-to-rear', 'rear-to-front', 'left-to-right', 'right-to-left', 'side-to-rear', 'passive', 'mixed')) null, \`weight_kg\` real null, \`power_ports\` json not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`device_type_slug_unique\` on \`device_type\` (\`slug\`);`);

    this.addSql(`create table \`room\` (\`id\` integer not null primary key autoincrement, \`site_id\` integer not null, \`name\` text not null, \`grid_columns\` integer not null, \`grid_rows\` integer not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`room_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`));`);
    this.addSql(`create index \`room_site_id_index\` on \`room\` (\`site_id\`);`);
    this.addSql(`create unique index \`room_site_id_name_unique\` on \`room\` (\`site_id\`, \`name\`);`);

    this.addSql(`create table \`rack\` (\`id\` integer not null primary key autoincrement, \`room_id\` integer not null, \`name\` text not null, \`row_label\` text not null, \`grid_x\` integer not null, \`grid_y\` integer not null, \`u_height\` integer not null default 42, \`power_budget_kw\` real not null, \`max_weight_kg\` real not null, \`status\` text check (\`status\` in ('planned', 'active', 'reserved', 'decommissioned')) not null default 'active', \`tenant_id\` integer null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`rack_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`), constraint \`rack_tenant_id_foreign\` foreign key (\`tenant_id\`) references \`tenant\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`rack_room_id_index\` on \`rack\` (\`room_id\`);`);
    this.addSql(`create index \`rack_tenant_id_index\` on \`rack\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`rack_room_id_name_unique\` on \`rack\` (\`room_id\`, \`name\`);`);
    this.addSql(`create unique index \`rack_room_id_grid_x_grid_y_unique\` on \`rack\` (\`room_id\`, \`grid_x\`, \`grid_y\`);`);

    this.addSql(`create table \`device\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`device_type_id\` integer not null, \`rack_id\` integer null, \`position\` real null, \`face\` text check (\`face\` in ('front', 'rear')) null, \`status\` text check (\`status\` in ('planned', 'active', 'failed', 'offline', 'decommissioning')) not null default 'active', \`tenant_id\` integer null, \`serial\` text null, \`asset_tag\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`device_device_type_id_foreign\` foreign key (\`device_type_id\`) references \`device_type\` (\`id\`), constraint \`device_rack_id_foreign\` foreign key (\`rack_id\`) references \`rack\` (\`id\`) on delete set null, constraint \`device_tenant_id_foreign\` foreign key (\`tenant_id\`) references \`tenant\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`device_device_type_id_index\` on \`device\` (\`device_type_id\`);`);
    this.addSql(`create index \`device_rack_id_index\` on \`device\` (\`rack_id\`);`);
    this.addSql(`create index \`device_tenant_id_index\` on \`device\` (\`tenant_id\`);`);
    this.addSql(`create index \`device_serial_index\` on \`device\` (\`serial\`);`);
    this.addSql(`create unique index \`device_asset_tag_unique\` on \`device\` (\`asset_tag\`);`);

    this.addSql(`create table \`contract\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` integer not null, \`reference\` text not null, \`service_hours\` text check (\`service_hours\` in ('24x7', 'business_hours')) not null, \`business_hours\` json null, \`sla_policy\` json not null, \`contacts\` json not null, \`starts_on\` date not null, \`ends_on\` date null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`contract_tenant_id_foreign\` foreign key (\`tenant_id\`) references \`tenant\` (\`id\`));`);
    this.addSql(`create index \`contract_tenant_id_index\` on \`contract\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`contract_reference_unique\` on \`contract\` (\`reference\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`device_type\`;`);
    this.addSql(`drop table if exists \`room\`;`);
    this.addSql(`drop table if exists \`rack\`;`);
    this.addSql(`drop table if exists \`device\`;`);
    this.addSql(`drop table if exists \`contract\`;`);
  }

}
