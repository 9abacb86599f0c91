/** @module Config of the email notifier (SMTP through nodemailer). */
import { z } from 'zod'

export const emailChannelSchema = z
  .object({
    type: z.literal('email'),
    host: z.string().describe('SMTP server host.'),
    port: z.number().int().min(1).max(65535).default(587).describe('SMTP port.'),
    secure: z.boolean().default(false).describe('Implicit TLS (port 465); otherwise STARTTLS when offered.'),
    user: z.string().optional().describe('SMTP user.'),
    password: z.string().optional().describe('SMTP password; use ${ENV_VAR}.'),
    from: z.string().describe('Sender address.'),
    to: z.array(z.string()).min(1).describe('Recipients.'),
    timeout: z.string().default('15s').describe('Connection and send timeout (duration).'),
  })
  .strict()
  .describe('Sends a plain-text and HTML email over SMTP.')
