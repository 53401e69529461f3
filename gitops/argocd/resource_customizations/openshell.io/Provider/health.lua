-- Argo CD health for openshell.io Provider: Degraded when its profile or credentials Secret
-- cannot be resolved.
local hs = { status = "Progressing", message = "Waiting for the operator" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
if obj.status.observedGeneration == nil or obj.metadata.generation == nil
    or obj.status.observedGeneration < obj.metadata.generation then
  return hs
end
local c = {}
for _, cond in ipairs(obj.status.conditions) do
  c[cond.type] = cond
end
for _, t in ipairs({ "ProfileResolved", "CredentialsResolved" }) do
  if c[t] ~= nil and c[t].status == "False" then
    hs.status = "Degraded"
    hs.message = c[t].reason .. ": " .. (c[t].message or "")
    return hs
  end
end
if c["Ready"] ~= nil and c["Ready"].status == "True" then
  hs.status = "Healthy"
  hs.message = "Provider is ready"
elseif c["Ready"] ~= nil then
  hs.message = c["Ready"].reason .. ": " .. (c["Ready"].message or "")
end
return hs
