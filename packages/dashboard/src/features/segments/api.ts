import type {
  BuiltinSegment,
  Segment,
  SegmentCount,
  SegmentField,
  SegmentPreview,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { BuiltinSegment, Segment, SegmentField, SegmentPreview }

export interface RuleCondition {
  field: string
  op: string
  value?: unknown
}
export type RuleGroup = { all: RuleNode[] } | { any: RuleNode[] }
export type RuleNode = RuleGroup | RuleCondition

export async function listSegments(signal?: AbortSignal): Promise<Segment[]> {
  return (await apiRequest<{ data: Segment[] }>('/segments', { signal })).data
}

export async function listBuiltinSegments(signal?: AbortSignal): Promise<BuiltinSegment[]> {
  return (await apiRequest<{ data: BuiltinSegment[] }>('/segments/builtin', { signal })).data
}

export async function listSegmentFields(signal?: AbortSignal): Promise<SegmentField[]> {
  return (await apiRequest<{ data: SegmentField[] }>('/segments/fields', { signal })).data
}

export function previewSegment(rule: RuleGroup, signal?: AbortSignal): Promise<SegmentPreview> {
  return apiRequest<SegmentPreview>('/segments/preview', {
    method: 'POST',
    body: { rule, limit: 10 },
    signal,
  })
}

export function countSegment(id: string, signal?: AbortSignal): Promise<SegmentCount> {
  return apiRequest<SegmentCount>(`/segments/${encodeURIComponent(id)}/count`, { signal })
}

export function createSegment(input: {
  name: string
  description?: string | null
  rule: RuleGroup
}): Promise<Segment> {
  return apiRequest<Segment>('/segments', { method: 'POST', body: input })
}

export function deleteSegment(id: string): Promise<void> {
  return apiRequest<void>(`/segments/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
