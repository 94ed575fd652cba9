/** The audit log of administrators' changes, with secrets masked. */
package org.switchboard.webadmin.audit;
