import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type AnalyticsParams, type AnalyticsReport, getReport } from '../api'

export const analyticsKeys = {
  all: ['analytics'] as const,
  report: (report: AnalyticsReport, params: AnalyticsParams) => ['analytics', report, params] as const,
}

/** One report for the filters; the previous figures stay on screen while new ones load. */
export function useAnalyticsReport<R extends AnalyticsReport>(report: R, params: AnalyticsParams) {
  return useQuery({
    queryKey: analyticsKeys.report(report, params),
    queryFn: ({ signal }) => getReport(report, params, signal),
    placeholderData: keepPreviousData,
  })
}
