@NullMarked
package org.openplaza.visualisations;

import org.jspecify.annotations.NullMarked;
