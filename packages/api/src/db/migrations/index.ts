import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_foundation.js'
import * as m0002 from './0002_customer_match_keys.js'
import * as m0003 from './0003_payments.js'
import * as m0005 from './0005_wallet_cursors.js'
import * as m0006 from './0006_customer_imports.js'
import * as m0007 from './0007_invoices.js'
import * as m0008 from './0008_subscriptions.js'
import * as m0009 from './0009_events.js'
import * as m0010 from './0010_webhooks.js'
import * as m0011 from './0011_customer_metrics.js'
import * as m0012 from './0012_segments.js'
import * as m0013 from './0013_payment_methods.js'
import * as m0014 from './0014_messages.js'
import * as m0015 from './0015_reminders.js'
import * as m0016 from './0016_webhook_fair_claim.js'
import * as m0017 from './0017_analytics_rollups.js'
import * as m0018 from './0018_bulk_messages.js'
import * as m0019 from './0019_refunds.js'
import * as m0020 from './0020_stable_payments.js'
import * as m0021 from './0021_payment_links.js'
import * as m0022 from './0022_customer_portal.js'
import * as m0023 from './0023_customer_privacy.js'
import * as m0025 from './0025_invoice_unpaid_list.js'
import * as m0026 from './0026_analytics_index_paths.js'
import * as m0028 from './0028_evm_token_event_ordinals.js'
import * as m0029 from './0029_customer_search_statistics.js'
import * as m0030 from './0030_fee_unread_by_age.js'
import * as m0031 from './0031_list_activity_indexes.js'

/** Every migration in order. Static imports, so bundles and tests see the same list as production. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_customer_match_keys': m0002,
  '0003_payments': m0003,
  '0005_wallet_cursors': m0005,
  '0006_customer_imports': m0006,
  '0007_invoices': m0007,
  '0008_subscriptions': m0008,
  '0009_events': m0009,
  '0010_webhooks': m0010,
  '0011_customer_metrics': m0011,
  '0012_segments': m0012,
  '0013_payment_methods': m0013,
  '0014_messages': m0014,
  '0015_reminders': m0015,
  '0016_webhook_fair_claim': m0016,
  '0017_analytics_rollups': m0017,
  '0018_bulk_messages': m0018,
  '0019_refunds': m0019,
  '0020_stable_payments': m0020,
  '0021_payment_links': m0021,
  '0022_customer_portal': m0022,
  '0023_customer_privacy': m0023,
  '0025_invoice_unpaid_list': m0025,
  '0026_analytics_index_paths': m0026,
  '0028_evm_token_event_ordinals': m0028,
  '0029_customer_search_statistics': m0029,
  '0030_fee_unread_by_age': m0030,
  '0031_list_activity_indexes': m0031,
}
