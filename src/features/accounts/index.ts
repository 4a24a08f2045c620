export { createUser, newUserSchema, ROLES, type NewUser } from './users.js';
