@NullMarked
package org.openplaza.portal.visualisations;

import org.jspecify.annotations.NullMarked;
