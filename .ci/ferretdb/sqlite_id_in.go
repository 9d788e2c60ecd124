// Seatwise patch for FerretDB v1.24.2's SQLite backend, copied into the vendored package
// internal/backends/sqlite by .ci/provision-ferretdb.sh (see the reasons there).

package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// seatwiseMaxIDIn bounds the IN list well under SQLite's 32,766 bound parameters.
const seatwiseMaxIDIn = 10_000

// seatwiseIDIn narrows `{_id: {$in: [...]}}` to an IN over the _id index when every listed value is a
// string or an ObjectID (an _id can never be an array, so no other document matches). Anything else keeps
// the scan. Callers filter the returned documents again with the whole filter, so narrowing is exact.
func seatwiseIDIn(v any) (string, []any, bool) {
	cond, ok := v.(*types.Document)
	if !ok || cond.Len() != 1 {
		return "", nil, false
	}
	raw, err := cond.Get("$in")
	if err != nil {
		return "", nil, false
	}
	list, ok := raw.(*types.Array)
	if !ok || list.Len() == 0 || list.Len() > seatwiseMaxIDIn {
		return "", nil, false
	}
	args := make([]any, 0, list.Len())
	for i := 0; i < list.Len(); i++ {
		id := must.NotFail(list.Get(i))
		switch id.(type) {
		case string, types.ObjectID:
			args = append(args, string(must.NotFail(sjson.MarshalSingleValue(id))))
		default:
			return "", nil, false
		}
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, marks), args, true
}
