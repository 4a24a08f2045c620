import { z } from 'zod';
import { newUserSchema } from './users.js';

/**
 * A new password typed twice (reset and change forms): the same rules as for a new user
 * (12 to 1,000 characters), and both copies the same. Errors name `password` or `confirm`.
 */
export const newPasswordSchema = z
  .object({
    password: newUserSchema.shape.password,
    confirm: z.string().max(1000),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same. Type the new password twice.' });
