@NullMarked
package org.openplaza.importer;

import org.jspecify.annotations.NullMarked;
