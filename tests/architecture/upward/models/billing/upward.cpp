#include "models/report/comparison_table.h"
