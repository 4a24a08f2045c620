// Broadside admin enhancements. Every form works without this file; it only adds conveniences.
'use strict';
