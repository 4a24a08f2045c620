import { z } from 'zod';
import { isSlug } from '../../lib/slug.js';

/** What an editor (or an import, or the demo seed) gives to create or change a post. */
export const postInputSchema = z.object({
  title: z.string().trim().min(1, 'Enter a headline').max(300, 'Keep the headline under 300 characters'),
  slug: z
    .string()
    .trim()
    .refine((s) => s === '' || isSlug(s), 'Use lowercase letters, digits and hyphens only')
    .default(''),
  standfirst: z.string().trim().max(600, 'Keep the standfirst under 600 characters').default(''),
  body: z.string().max(2_000_000, 'The body is too long').default(''),
  postscript: z.string().max(100_000, 'The post-script is too long').default(''),
  status: z.enum(['draft', 'scheduled', 'published']).default('draft'),
  /** ISO instant; defaults to now when publishing. */
  publishedAt: z.iso.datetime({ offset: true, error: 'Enter a date and time' }).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Enter a language code such as en or ru'),
  /** Id of a post this one translates; both end up in one translation group. Null leaves the group. */
  translationOf: z.number().int().positive().nullable().optional(),
  commentStatus: z.enum(['open', 'closed']).default('open'),
  featuredImage: z
    .object({
      url: z
        .string()
        .trim()
        .max(2000)
        .refine((u) => u === '' || /^\/(?!\/)/.test(u) || /^https?:\/\/[^\s]+$/i.test(u), 'Enter an image address starting with / or https://')
        .default(''),
      alt: z.string().trim().max(500).default(''),
      caption: z.string().trim().max(1000).default(''),
    })
    .default({ url: '', alt: '', caption: '' }),
  authorIds: z.array(z.number().int().positive()).min(1, 'Choose at least one author'),
  categoryIds: z.array(z.number().int().positive()).default([]),
  tagNames: z.array(z.string().trim().min(1).max(100)).default([]),
  sticky: z.boolean().default(false),
  /** When the content last changed, for imports and the demo; a new post defaults to now. Ignored on update. */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});

export type PostInput = z.input<typeof postInputSchema>;
export type ValidPostInput = z.output<typeof postInputSchema>;
