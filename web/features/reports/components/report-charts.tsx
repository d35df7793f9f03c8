import { createContext, useContext } from 'react';
import type { ChartData } from '../../../../src/shared/api/reports.ts';

/**
 * The data of every chart the report's sections show, by `chartKey(ref)`: the report's own (live
 * for a draft, frozen once published) and any chart just put in from the dialog. The chart node
 * views read it, so the editor's document holds only the reference.
 */
export const ReportChartsContext = createContext<ReadonlyMap<string, ChartData>>(new Map());

export function useReportChart(key: string | null): ChartData | undefined {
  const charts = useContext(ReportChartsContext);
  return key === null ? undefined : charts.get(key);
}
