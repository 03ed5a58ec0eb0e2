#include "config.h"
#include "limber-validate.h"
#include "limber-xml.h"
int main(int argc, char **argv){
  limber_xml_init ();
  LimberCatalog *cat = limber_catalog_new ();
  GFile *f = g_file_new_for_path ("/work/main/tests/files/catalog/valid/minimal.xml");
  limber_catalog_add_file (cat, f, NULL);
  for (int i = 1; i < argc; i++) {
    GPtrArray *p = g_ptr_array_new_with_free_func (g_free);
    gboolean ok = limber_validate_file (argv[i], cat, p);
    g_print ("%s ok=%d n=%u\n", argv[i], ok, p->len);
    for (guint j = 0; j < p->len; j++) g_print ("   %s\n", (char*)p->pdata[j]);
  }
  return 0;
}
