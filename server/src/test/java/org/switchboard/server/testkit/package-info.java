/** The test kit's scripted phones and server extension exercised against the real server. */
package org.switchboard.server.testkit;
