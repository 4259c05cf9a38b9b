// The one door to libxml2. xmlversion.h comes first so that ICU support can be switched off
// before the writer and reader headers see it: with it on, they drag in ICU headers whose
// UErrorCode clashes with Foundation's copy in debug builds.
#ifndef KEIRETSU_CLIBXML2_SHIM_H
#define KEIRETSU_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
