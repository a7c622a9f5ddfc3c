/** Actions of the Families (issue 11) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const FAMILIES_PERMISSIONS = {
  // Children and guardians in scope: district/town officers and health workers by division, guidance
  // staff by their town, a parent by their own family (the guard maps each scope onto the family).
  'families.read': ['district_officer', 'town_officer', 'health_worker', 'guidance_staff', 'parent'],
  // A family from one birth record (the import does the same per row).
  'families.create': ['district_officer', 'health_worker'],
  // Import of the health commission's birth records (CSV/XLSX, dry run first).
  'families.import': ['district_officer'],
  // The community (村居) register the birth records name.
  'families.communities': ['district_officer'],
  // Consent per guardian and purpose: recorded by the health worker (paper notice) or the parent online;
  // a parent withdraws their own at any time.
  'families.consent': ['district_officer', 'health_worker', 'parent'],
  // Home visits (上门指导): scheduling and the visit record; coverage and overdue lists.
  'families.visit': ['district_officer', 'health_worker'],
  'families.visits_read': ['district_officer', 'town_officer', 'health_worker'],
  // 社区分工: which health worker is in charge of a community's home visits (the town's or the district's call).
  'families.assign_workers': ['district_officer', 'town_officer'],
  // Hourly care (计时制): the institution publishes slots; parents book and cancel.
  'families.slots_manage': ['institution_admin'],
  'families.slots_read': ['institution_admin', 'parent', 'district_officer', 'town_officer'],
  'families.book': ['parent'],
  // Applications for a place: the parent applies; the institutions named decide; officers read.
  'families.apply': ['parent'],
  'families.applications_read': ['parent', 'institution_admin', 'district_officer', 'town_officer'],
  'families.applications_decide': ['institution_admin'],
  // The register of facilities beyond institutions (儿童服务中心, 儿童之家, 游戏观察室/亲子指导室,
  // 儿童友好社区示范点, 儿童早期发展基地): kept by the district and town officers, read by the services.
  'families.facilities_read': ['district_officer', 'town_officer', 'health_worker', 'guidance_staff'],
  'families.facilities_manage': ['district_officer', 'town_officer'],
  // A 宝宝屋 site's bookings with the children (names masked, ages): the officers who keep the sites only.
  'families.site_bookings_read': ['district_officer', 'town_officer'],
  // Guidance stations (家庭科学育儿指导站, one per town): the district keeps the register.
  'families.stations_manage': ['district_officer'],
  // Stations and sessions in scope: the district, a town, a station's staff (by town), a parent (their
  // town's sessions and the district's activities).
  'families.guidance_read': ['district_officer', 'town_officer', 'health_worker', 'guidance_staff', 'parent'],
  // Sessions: created, cancelled and attendance recorded by the station's staff (their town) or the
  // district (district-level activities, 育儿加油站).
  'families.sessions_manage': ['district_officer', 'guidance_staff'],
  // Sign-ups of a session (families labelled by community, no personal data).
  'families.signups_read': ['district_officer', 'town_officer', 'guidance_staff'],
  // Sign-up and its cancellation: the parent for their family, guidance staff for a family of their town.
  'families.guidance_signup': ['guidance_staff', 'parent'],
  // Guardians' rights: a parent exports the family's data and asks for a correction or deletion;
  // district officers and the town's officers handle the requests (15 working days).
  'families.rights': ['parent'],
  'families.requests_read': ['parent', 'district_officer', 'town_officer'],
  'families.requests_handle': ['district_officer', 'town_officer'],
  // — online guidance (online.ts) —
  // The resource library (育之有道 / 青浦早教 …): managed by the district and the guidance staff; read by
  // the services and a parent (published resources for their children's ages only).
  'families.resources_manage': ['district_officer', 'guidance_staff'],
  'families.resources_read': [
    'district_officer',
    'town_officer',
    'health_worker',
    'guidance_staff',
    'parent',
  ],
  // A family's registration on an online platform: the town's guidance staff or health worker, or the
  // parent for their own family (online-resources consent in force); coverage read by the officers.
  'families.online_register': ['guidance_staff', 'health_worker', 'parent'],
  'families.online_read': ['district_officer', 'town_officer', 'health_worker', 'guidance_staff', 'parent'],
  // Handbook (母子健康手册) and resource-pack distribution: recorded by the town's health worker or
  // guidance staff; read by the officers.
  'families.distribute': ['health_worker', 'guidance_staff'],
  'families.distributions_read': ['district_officer', 'town_officer', 'health_worker', 'guidance_staff'],
} as const satisfies Record<string, readonly Role[]>;
