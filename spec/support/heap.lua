-- How much Lua heap a function allocates: it runs once to warm up (LuaJIT
-- allocates while it compiles a loop), then again with the collector
-- stopped.  Returns KB.
return function(fn)
  fn()
  collectgarbage("collect")
  collectgarbage("stop")
  local before = collectgarbage("count")
  fn()
  local grown = collectgarbage("count") - before
  collectgarbage("restart")
  return grown
end
