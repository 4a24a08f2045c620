export { archiveRoutes, type ArchiveRoutesDeps } from './routes.js';
export {
  loadSidebar, parseSidebarKey, sidebarFragment, sidebarKey, type SidebarFrameLoader, sidebarMemo, type SidebarView, withSidebar,
} from './sidebar.js';
export { findMonthWithPosts, listArchiveMonths, listPostDays, type MonthCount } from './widget-queries.js';
