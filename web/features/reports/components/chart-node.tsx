import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer } from '@tiptap/react';
import type { ReactNodeViewProps } from '@tiptap/react';
import { chartKey, chartRefSchema } from '../../../../src/shared/api/reports.ts';
import type { ChartRef } from '../../../../src/shared/api/reports.ts';
import { ChartDataView } from '../../../components/chart-data-view.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useReportChart } from './report-charts.tsx';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chart: {
      /** Puts a chart (a reference to its data) after the block the cursor is in. */
      insertChart: (ref: ChartRef) => ReturnType;
    };
  }
}

/** The reference a chart node holds, or null when it is not one a report may show. */
export function chartRefOf(attrs: Record<string, unknown>): ChartRef | null {
  const parsed = chartRefSchema.safeParse(attrs.ref);
  return parsed.success ? parsed.data : null;
}

function ChartNodeView({ node, editor, deleteNode, selected }: ReactNodeViewProps) {
  const ref = chartRefOf(node.attrs);
  const data = useReportChart(ref ? chartKey(ref) : null);
  return (
    <NodeViewWrapper as="figure" className={selected ? 'report-chart report-chart--selected' : 'report-chart'} data-chart="">
      {data ? (
        <>
          <ChartDataView data={data} headingLevel={4} />
          {data.suppressed && editor.isEditable ? (
            <p className="field__error">The report can’t be published with this chart in it. Remove it, or choose another.</p>
          ) : null}
        </>
      ) : (
        <p className="muted">{ref ? 'This chart’s numbers appear once the section is saved.' : 'This chart can’t be shown.'}</p>
      )}
      {editor.isEditable ? (
        <div className="report-chart__actions">
          <Button variant="secondary" small onClick={() => deleteNode()}>
            Remove chart<span className="visually-hidden">{data ? `: ${data.title}` : ''}</span>
          </Button>
        </div>
      ) : null}
    </NodeViewWrapper>
  );
}

/**
 * A chart in a section: a block that holds only `{ ref }`, drawn from the report's chart data. It is
 * an atom: the cursor steps over it and Backspace removes it whole.
 */
export const ChartNode = Node.create({
  name: 'chart',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      ref: {
        default: null,
        parseHTML: (element: HTMLElement) => {
          try {
            return JSON.parse(element.getAttribute('data-ref') ?? 'null') as unknown;
          } catch {
            return null;
          }
        },
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-ref': JSON.stringify(attributes.ref ?? null) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-chart]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-chart': '' }, HTMLAttributes)];
  },

  addNodeView() {
    return ReactNodeViewRenderer(ChartNodeView);
  },

  addCommands() {
    return {
      insertChart:
        (ref) =>
        ({ state, commands }) => {
          // After the block the cursor is in, never over selected text.
          const { $to } = state.selection;
          const at = $to.depth > 0 ? $to.after(1) : $to.pos;
          return commands.insertContentAt(at, { type: this.name, attrs: { ref } });
        },
    };
  },
});
