import type {
  AnalyticsAging,
  AnalyticsCohorts,
  AnalyticsOverview,
  AnalyticsQueryInput,
  AnalyticsRevenue,
  CustomerMetrics,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { AnalyticsAging, AnalyticsCohorts, AnalyticsOverview, AnalyticsRevenue, CustomerMetrics }

/** The reports' shared query as the dashboard sends it (the API applies defaults). */
export type AnalyticsParams = Partial<AnalyticsQueryInput>

export interface AnalyticsReports {
  overview: AnalyticsOverview
  revenue: AnalyticsRevenue
  cohorts: AnalyticsCohorts
  aging: AnalyticsAging
}
export type AnalyticsReport = keyof AnalyticsReports

export function getReport<R extends AnalyticsReport>(
  report: R,
  params: AnalyticsParams,
  signal?: AbortSignal,
): Promise<AnalyticsReports[R]> {
  return apiRequest<AnalyticsReports[R]>(`/analytics/${report}`, { query: { ...params }, signal })
}
