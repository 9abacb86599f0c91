/** @module SARIF 2.1.0 for code-scanning tools: one run, every registered rule, one result per finding. */
import type { Rule } from '../rule.ts'
import type { PreflightReport, Severity } from '../types.ts'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
}
const SECURITY: Record<Severity, string> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '3.0',
  info: '0.0',
}

export function renderSarif(
  r: PreflightReport,
  rules: readonly Rule[],
  tool = { name: 'rina-preflight', version: '0.1.0' },
) {
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: 'https://github.com/rinawarp/deploy',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.why },
              help: { text: rule.fix },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: [rule.family], 'security-severity': SECURITY[rule.severity] },
            })),
          },
        },
        results: r.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.evidence ? `${f.message}: ${f.evidence}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: Math.max(1, f.line), endLine: Math.max(1, f.endLine, f.line) },
              },
            },
          ],
          properties: { severity: f.severity, family: f.family },
        })),
        properties: { decision: r.decision, score: r.score },
      },
    ],
  }
}
