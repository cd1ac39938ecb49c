import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import {
  countSegment,
  createSegment,
  deleteSegment,
  listBuiltinSegments,
  listSegmentFields,
  listSegments,
  previewSegment,
  type RuleGroup,
} from '../api'

export const segmentKeys = {
  all: ['segments'] as const,
  list: () => ['segments', 'list'] as const,
  builtin: () => ['segments', 'builtin'] as const,
  fields: () => ['segments', 'fields'] as const,
  preview: (rule: RuleGroup) => ['segments', 'preview', rule] as const,
  count: (id: string) => ['segments', 'count', id] as const,
}

export const useSegments = () =>
  useQuery({ queryKey: segmentKeys.list(), queryFn: ({ signal }) => listSegments(signal) })
export const useBuiltinSegments = () =>
  useQuery({ queryKey: segmentKeys.builtin(), queryFn: ({ signal }) => listBuiltinSegments(signal) })
export const useSegmentFields = () =>
  useQuery({
    queryKey: segmentKeys.fields(),
    queryFn: ({ signal }) => listSegmentFields(signal),
    staleTime: Infinity,
  })

export const useSegmentCount = (id: string | undefined) =>
  useQuery({
    queryKey: segmentKeys.count(id ?? ''),
    queryFn: ({ signal }) => countSegment(id as string, signal),
    enabled: Boolean(id),
  })

/** The value after it has stopped changing for `ms`: one preview per pause in typing, not per key. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

/** The live count and first customers of the rule being edited; keeps the last answer while the next loads. */
export function useSegmentPreview(rule: RuleGroup, enabled: boolean) {
  // Debounced as text: a rule rebuilt with the same content is the same rule.
  const settled = JSON.parse(useDebounced(JSON.stringify(rule))) as RuleGroup
  return useQuery({
    queryKey: segmentKeys.preview(settled),
    queryFn: ({ signal }) => previewSegment(settled, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useCreateSegment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: createSegment,
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.list() }),
  })
}

export function useDeleteSegment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: deleteSegment,
    onSuccess: () => qc.invalidateQueries({ queryKey: segmentKeys.list() }),
  })
}
