@NullMarked
package org.openplaza.datastore;

import org.jspecify.annotations.NullMarked;
