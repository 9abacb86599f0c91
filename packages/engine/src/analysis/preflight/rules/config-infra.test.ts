import { describe } from 'node:test'
import { configRules } from './config-infra.ts'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'

describe('config and infrastructure rules', () => {
  runScenarios(configRules, [
    {
      name: 'production config changes',
      files: { 'config/production.json': ['{"pool": 50}'] },
      expect: ['config/production-config'],
    },
    {
      name: 'a CI workflow changes',
      files: { '.github/workflows/release.yml': ['on: push'] },
      expect: ['config/ci-workflow'],
    },
    { name: 'a Dockerfile changes', files: { Dockerfile: ['FROM node:20'] }, expect: ['config/container'] },
    {
      name: 'a deploy script changes',
      files: { 'deploy/release.sh': ['rsync -a dist/ host:/srv'] },
      expect: ['config/deploy-infrastructure'],
    },
    {
      name: 'terraform changes',
      files: { 'main.tf': ['resource "aws_s3_bucket" "b" {}'] },
      expect: ['config/deploy-infrastructure'],
    },
    {
      name: 'feature flags change',
      files: { 'src/featureFlags.json': ['{"newCheckout": true}'] },
      expect: ['config/feature-flags'],
    },
    {
      name: 'code reads a new env var with no default',
      files: { 'src/server.ts': ['const key = process.env.PAYMENT_KEY'] },
      expect: ['config/env-var-without-default'],
    },
    {
      name: 'Python indexes os.environ',
      files: { 'app/settings.py': ['TOKEN = os.environ["API_TOKEN"]'] },
      expect: ['config/env-var-without-default'],
    },
    {
      name: 'the env var has a default',
      files: {
        'src/server.ts': [
          "const port = process.env.PORT ?? '3000'",
          "const host = process.env.HOST || 'localhost'",
        ],
      },
      expect: [],
    },
    {
      name: 'Python uses environ.get with a default',
      files: { 'app/settings.py': ['DEBUG = os.environ.get("DEBUG", "0")'] },
      expect: [],
    },
    {
      name: 'the env var was already read before',
      files: {
        'src/server.ts': {
          removed: ['const k = process.env.PAYMENT_KEY!'],
          added: ['const key = process.env.PAYMENT_KEY'],
        },
      },
      expect: [],
    },
    { name: 'application code changes', files: { 'src/product.ts': ['export const x = 1'] }, expect: [] },
    {
      name: 'a file merely mentions production in its name part',
      files: { 'src/productivity.ts': ['export {}'] },
      expect: [],
    },
  ])
})
