/**
 * The SIP message model: immutable requests and responses parsed lazily from bytes, header
 * grammars parsed on first use, and serialisation that writes untouched headers byte for byte.
 * No Netty and no I/O here.
 */
package org.switchboard.core.message;
