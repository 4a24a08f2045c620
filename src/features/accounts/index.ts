export { createUser, newUserSchema, ROLES, type NewUser } from './users.js';
export {
  type AdminUser, changeUserRole, createUserAsAdmin, findUser, linkUserToAuthor, listUsers, setUserDisabled, type UserDeps,
} from './users-admin.js';
