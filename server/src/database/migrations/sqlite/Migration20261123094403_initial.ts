import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094403_initial extends Migration {

  override name = 'Migration20261123094403_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`audit_event\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`actor_id\` integer null, \`actor_name\` text not null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`before\` text null, \`after\` text null, \`request_id\` text not null, \`prev_hash\` text not null, \`hash\` text not null);`);
    this.addSql(`create index \`audit_event_entity_type_entity_id_index\` on \`audit_event\` (\`entity_type\`, \`entity_id\`);`);

    this.addSql(`create table \`live_event\` (\`seq\` integer not null primary key autoincrement, \`type\` text not null, \`at\` datetime not null, \`payload\` text not null, \`rooms\` text not null);`);

    this.addSql(`create table \`login_failure\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`ip\` text not null, \`at\` datetime not null);`);
    this.addSql(`create index \`login_failure_username_at_index\` on \`login_failure\` (\`username\`, \`at\`);`);
    this.addSql(`create index \`login_failure_ip_at_index\` on \`login_failure\` (\`ip\`, \`at\`);`);

    this.addSql(`create table \`site\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`address\` text not null default '', \`time_zone\` text not null, \`country_code\` text not null, \`pue_target\` real null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`site_code_unique\` on \`site\` (\`code\`);`);

    this.addSql(`create table \`tenant\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`tenant_code_unique\` on \`tenant\` (\`code\`);`);

    this.addSql(`create table \`app_user\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`display_name\` text not null, \`role\` text check (\`role\` in ('admin', 'coordinator', 'technician', 'manager', 'client_viewer')) not null, \`tenant_id\` integer null, \`locale\` text check (\`locale\` in ('fr', 'en')) not null default 'fr', \`password_hash\` text not null, \`active\` integer not null default true, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`app_user_tenant_id_foreign\` foreign key (\`tenant_id\`) references \`tenant\` (\`id\`) on delete set null);`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
    this.addSql(`create index \`app_user_tenant_id_index\` on \`app_user\` (\`tenant_id\`);`);

    this.addSql(`create table \`user_session\` (\`id\` text not null primary key, \`user_id\` integer not null, \`created_at\` datetime not null, \`last_seen_at\` datetime not null, \`idle_expires_at\` datetime not null, \`absolute_expires_at\` datetime not null, \`ip\` text not null, \`user_agent\` text not null, constraint \`user_session_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`user_session_user_id_index\` on \`user_session\` (\`user_id\`);`);
    this.addSql(`create index \`user_session_idle_expires_at_index\` on \`user_session\` (\`idle_expires_at\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`audit_event\`;`);
    this.addSql(`drop table if exists \`live_event\`;`);
    this.addSql(`drop table if exists \`login_failure\`;`);
    this.addSql(`drop table if exists \`site\`;`);
    this.addSql(`drop table if exists \`tenant\`;`);
    this.addSql(`drop table if exists \`app_user\`;`);
    this.addSql(`drop table if exists \`user_session\`;`);
  }

}
